"""The site build and the offline bundle.

In: the project folder. Out: ``site/`` built aside and swapped in whole (``site_build``, ``make site``),
with the offline copy it offers for download (``download``), and the offline workshop bundle in
``dist/`` (``make_bundle``, ``make bundle``): a zip that works from ``file://`` with no server.
"""
