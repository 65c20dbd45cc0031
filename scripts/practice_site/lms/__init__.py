"""Output for learning management systems (``make lms``).

In: the site model (each module's title, Summary and parsed quiz) and the site built in LMS mode
(one page per module, with its knowledge check and reflection), whose build calls ``packages`` once
it is written. Out, under ``dist/lms/``: for each module a SCORM 1.2 and a SCORM 2004 (4th edition)
package whose single SCO is the module page, and its questions as question banks (QTI 2.1 and
Moodle XML) for organisations that build their own assessments.
"""
