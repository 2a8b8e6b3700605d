"""`python -m cli`: the `rashomon` command from this source tree."""

from cli import main

main()
