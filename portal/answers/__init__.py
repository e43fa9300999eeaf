"""Answers to petitions, their approval, and residents' ratings."""
