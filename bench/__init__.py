"""Benchmarks for Outside In: ``invoke bench`` (or ``python -m bench``).

Benchmarks are not tests: they measure and write what they measured to
``bench/results.json`` and a Markdown table; nothing here asserts a time.
"""
