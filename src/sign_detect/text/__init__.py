"""Scoring Japanese notes for small signs: tokenizer, normalisation, lexicon, grammar,
compositional detection, and the scorer that puts them together.

Layers depend only downwards: io <- text <- features <- risk <- report.
"""
