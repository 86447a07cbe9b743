"""Grounded question answering over Vietnamese ANTQ reports."""
