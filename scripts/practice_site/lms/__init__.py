"""Output for learning management systems (``make lms``).

In: the site built in LMS mode (one page per module, with its knowledge check and reflection) and
each module's parsed quiz file. Out, under ``dist/lms/``: for each module a SCORM 1.2 and a SCORM
2004 (4th edition) package whose single SCO is the module page, and its questions as question
banks (QTI 2.1 and Moodle XML) for organisations that build their own assessments.
"""
