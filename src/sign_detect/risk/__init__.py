"""From features to risk: the label-free default scorer with its reasons, the ranking,
the trainable RiskModel, model files, and backtests with calibration and a fairness audit.

Layers depend only downwards: io <- text <- features <- risk <- report.
"""
