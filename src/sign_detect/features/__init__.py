"""Point-in-time features per graduate, each compared with the person's own usual:
attendance, check-ins (from scored notes) and the graduate table.

Layers depend only downwards: io <- text <- features <- risk <- report.
"""
