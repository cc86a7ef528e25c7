"""Every limit on what the outside may send, in one place: lengths, sizes, depths and counts.

Hostile input is normal input: each limit here is checked where the input is first read, and
its breach answers a clear 4xx naming the limit. Limits an operator tunes to a deployment
(rate limits, the upload size) are settings (`dashboard.settings`); the ones below are the
shape of valid input, the same on every deployment.
"""
from __future__ import annotations

# --- debate evening: ballots and what a presenter types
MAX_BALLOT_BYTES = 4096   # one ballot's request body
MAX_WORD_CHARS = 40       # « en un mot »: a word, or a short phrase
MAX_TITLE_CHARS = 200     # a debate's title
MAX_NOTES_CHARS = 4000    # the presenter's notes on one slide
MAX_SLIDES = 100          # a deck: the default one has 14 slides, an evening shows fewer than 100
MAX_CODE_CHARS = 8        # a territory code (the longest, a commune's, has 5; the columns hold 8)
MAX_COMBINING_MARKS = 3   # marks in a row on one letter once composed (NFC): French needs none,
                          # Vietnamese or Devanagari at most 2; more is a « Zalgo » flood
DEBATE_FIRST_YEAR = 2000  # a debate's date: none was held before the dashboard's data start…
DEBATE_YEARS_AHEAD = 5    # …nor is one planned more than 5 years after today

# --- JSON request bodies (every endpoint, Dash's callbacks included)
MAX_JSON_DEPTH = 64       # nested arrays and objects: the API's bodies have 3 levels, Dash's
                          # callback payloads (component trees in a State) under 30; Python's
                          # parser overflows its stack near 1,000

# --- sign-in form
MAX_USERNAME_CHARS = 80    # the app_user.username column
MAX_PASSWORD_CHARS = 200   # a passphrase fits; hashing a megabyte at every attempt does not

# --- commune search
MAX_QUERY_CHARS = 80      # longer queries are cut: the longest commune name is under 50
                          # characters, and 2,000 characters must cost no more than 20
MAX_SEARCH_RESULTS = 50   # the search page's list
MAX_SUGGESTIONS = 20      # the search box's suggestions: a longer list helps no one choose

# --- imported files
MAX_CSV_FIELD_CHARS = 131_072  # csv's own limit on one field (csv.field_size_limit()): no
                               # value an import takes is longer, and it bounds one bad line
MAX_PROBLEMS = 50              # problems listed in one import's report
