// Property tests run with one fixed seed, so a CI run is repeatable and a red
// run can be replayed. FUZZ_SEED=random explores new cases; FUZZ_SEED=N replays one.
import fc from 'fast-check';

const wanted = process.env.FUZZ_SEED;
const seed = wanted === 'random' ? Date.now() % 2 ** 31 : Number(wanted ?? 20261121);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
