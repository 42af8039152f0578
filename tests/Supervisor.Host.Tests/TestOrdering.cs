// The classes of this assembly start whole supervisors, simulators, PostgreSQL servers, cluster processes and, in the
// README test, the whole suite again. Run side by side on two cores they starved each other's timers (a CI run failed
// four timing-bound tests that pass alone), so they run one class after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
