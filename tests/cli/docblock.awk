# docblock.awk -v mark=TEXT FILE.md - prints the first fenced block after the first line that
# holds TEXT: how the scale-out tests run the docs' own lines, word for word.
!found && index($0, mark) { found = 1; next }
found == 1 && /^```/ { found = 2; next }
found == 2 && /^```/ { exit }
found == 2 { print }
