"""Reading and validating the input tables: files (CSV/TSV/xlsx/parquet, encodings,
dates) to checked DataFrames, with a row-level report of everything that is not used.

Layers depend only downwards: io <- text <- features <- risk <- report.
"""
