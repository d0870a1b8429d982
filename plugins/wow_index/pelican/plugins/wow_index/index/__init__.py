"""The index: vocabularies, a story's tags and moments, grouping and export.

Pure functions over stories and settings; nothing here needs a running
Pelican, so the build, the command line and the tests share them.
"""
