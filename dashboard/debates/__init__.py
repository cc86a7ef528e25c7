"""Debate mode, the server half: a debate is a survey of its room (actor `salle`, one
respondent per device), with a join code, questions the presenter opens and closes, and a
deck. `questions` validates ballots, `store` writes (one transaction per call), `results`
reads, `deck` builds the default slides."""
