# csvcheck.awk - reads CSV (RFC 4180 quoting) and prints each record whose number of cells
# differs from the header's, and each cell a spreadsheet would run as a formula: text that
# begins with = + - @ TAB or CR and is not a plain number. Prints nothing for a safe file.
function cells(s,    i, c, q, cell, n) {
    n = 0; cell = ""; q = 0
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (q && c == "\"" && substr(s, i + 1, 1) == "\"") { cell = cell c; i++ }
        else if (c == "\"") q = !q
        else if (!q && c == ",") { field[++n] = cell; cell = "" }
        else cell = cell c
    }
    field[++n] = cell
    return n
}
function unbalanced(s,    t) { t = s; return gsub(/"/, "", t) % 2 }
{
    rec = pending == "" ? $0 : pending "\n" $0
    if (unbalanced(rec)) { pending = rec; next }
    pending = ""
    n = cells(rec)
    if (NR == 1 || want == "") want = n
    else if (n != want) print "record " NR ": " n " cells, the header has " want
    for (i = 1; i <= n; i++)
        if (field[i] ~ /^[-=+@\t\r]/ && field[i] !~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/)
            print "record " NR ", cell " i ": a formula: " field[i]
}
END { if (pending != "") print "an unterminated quoted cell" }
