using System.Globalization;

namespace Supervisor.TestKit;

/// <summary>
/// Timeouts of the TestKit (Akka's akka.test defaults). <see cref="TimeFactor"/> stretches every expectation; a
/// slow CI machine can raise it with the SUPERVISOR_TEST_TIMEFACTOR environment variable (our own, not Akka's).
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The defaults, with the time factor from the environment if set.</summary>
    public static TestKitSettings Default { get; } = new()
    {
        TimeFactor = double.TryParse(Environment.GetEnvironmentVariable("SUPERVISOR_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor >= 1
            ? factor
            : 1.0,
    };

    /// <summary>The wait of an expectation that gives none, outside <c>Within</c> (kernel.test.single-expect-default).</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The wait of other TestKit operations (kernel.test.default-timeout).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The extra wait of an <see cref="EventFilterApplier"/> for its events (akka.test.filter-leeway).</summary>
    public TimeSpan FilterLeeway { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Multiplies every real-time wait (kernel.test.timefactor).</summary>
    public double TimeFactor { get; init; } = 1.0;
}
