"""The 评价 section: the evaluation form and walk, the customer's history, the portfolio."""
