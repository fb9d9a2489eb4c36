"""Home measurements: the panel (latest values, NEWS2, trends, list), the review list, the
words for parameters, and what follows the selection."""
