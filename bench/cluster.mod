/* cluster.mod - the balances of the cefo contract (shared spec, section 1) in GNU MathProg,
   written independently of cefo's C formulation: a peer for benchmarks and a cross-check of
   cefo's optima. Data from bench/net2dat.py. Build/keep decisions are not modelled. */

set P;                       /* processes */
set M;                       /* materials */
set K;                       /* pollutants */
set L;                       /* links */
set LM within M;             /* materials carried by at least one link */

param inp{P, M} default 0;   param outp{P, M} default 0;   param em{P, K} default 0;
param emd{M, K} default 0;   /* per unit discharged */
param cap{P} default Infinity;  param pmin{P} default 0;   param pcost{P} default 0;
param can_imp{M} default 0;  param impc{M} default 0;      param implim{M} default Infinity;
param can_exp{M} default 0;  param expp{M} default 0;
param can_dis{M} default 0;  param disc{M} default 0;
param dem{M} default 0;
param dmg{K} default 0;      param kcap{K} default Infinity;
param lfrom{L} symbolic;     param lto{L} symbolic;        param lmat{L} symbolic;
param lcost{L} default 0;    param lcap{L} default Infinity;

var x{p in P} >= pmin[p], <= cap[p];
var f{l in L} >= 0, <= lcap[l];
var E{k in K} >= 0, <= kcap[k];
/* cluster-level import, export, discharge: fixed at 0 where the material forbids them */
var imp{m in M} >= 0, <= (if can_imp[m] then (if m in LM then Infinity else implim[m]) else 0);
var ex{m in M} >= 0, <= (if can_exp[m] then Infinity else 0);
var dis{m in M diff LM} >= 0, <= (if can_dis[m] then Infinity else 0);
/* linked materials: per consumer import, per producer sale and discharge */
var impq{m in LM, q in P: inp[q, m] > 0} >= 0, <= (if can_imp[m] then Infinity else 0);
var sale{m in LM, p in P: outp[p, m] > 0} >= 0;
var disp{m in LM, p in P: outp[p, m] > 0} >= 0, <= (if can_dis[m] then Infinity else 0);

minimize total:
    sum{p in P} pcost[p] * x[p] + sum{l in L} lcost[l] * f[l]
  + sum{m in M} impc[m] * imp[m] + sum{m in LM, q in P: inp[q, m] > 0} impc[m] * impq[m, q]
  + sum{m in M diff LM} disc[m] * dis[m] + sum{m in LM, p in P: outp[p, m] > 0} disc[m] * disp[m, p]
  + sum{k in K} dmg[k] * E[k] - sum{m in M} expp[m] * ex[m];

s.t. pooled{m in M diff LM}:
    sum{p in P} outp[p, m] * x[p] + imp[m] = sum{p in P} inp[p, m] * x[p] + dem[m] + ex[m] + dis[m];
s.t. consumer{m in LM, q in P: inp[q, m] > 0}:
    inp[q, m] * x[q] = sum{l in L: lto[l] = q and lmat[l] = m} f[l] + impq[m, q];
s.t. producer{m in LM, p in P: outp[p, m] > 0}:
    outp[p, m] * x[p] = sum{l in L: lfrom[l] = p and lmat[l] = m} f[l] + sale[m, p] + disp[m, p];
s.t. market{m in LM}:
    sum{p in P: outp[p, m] > 0} sale[m, p] + imp[m] = dem[m] + ex[m];
s.t. import_limit{m in LM: can_imp[m] and implim[m] < Infinity}:
    sum{q in P: inp[q, m] > 0} impq[m, q] + imp[m] <= implim[m];
s.t. emission{k in K}:
    E[k] = sum{p in P} em[p, k] * x[p] + sum{m in M diff LM} emd[m, k] * dis[m]
         + sum{m in LM, p in P: outp[p, m] > 0} emd[m, k] * disp[m, p];

end;
