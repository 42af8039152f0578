using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class ChildRestartStatsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Zero_retries_never_restart()
    {
        Assert.False(new ChildRestartStats().RequestRestartPermission(0, Window, TimeSpan.Zero));
    }

    [Fact]
    public void Unlimited_without_a_window_always_restarts()
    {
        var stats = new ChildRestartStats();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(stats.RequestRestartPermission(-1, null, TimeSpan.Zero));
        }
    }

    [Fact]
    public void Retries_without_a_window_count_over_the_whole_life()
    {
        var stats = new ChildRestartStats();
        Assert.True(stats.RequestRestartPermission(2, null, TimeSpan.Zero));
        Assert.True(stats.RequestRestartPermission(2, null, TimeSpan.FromDays(1)));
        Assert.False(stats.RequestRestartPermission(2, null, TimeSpan.FromDays(2)));
    }

    [Fact]
    public void A_window_without_retries_allows_one_retry_per_window()
    {
        var stats = new ChildRestartStats();
        Assert.True(stats.RequestRestartPermission(-1, Window, TimeSpan.Zero));
        Assert.False(stats.RequestRestartPermission(-1, Window, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_first_failure_after_the_window_opens_a_new_window_with_count_one()
    {
        var stats = new ChildRestartStats();
        Assert.True(stats.RequestRestartPermission(2, Window, TimeSpan.FromSeconds(0)));
        Assert.True(stats.RequestRestartPermission(2, Window, TimeSpan.FromSeconds(5)));
        Assert.True(stats.RequestRestartPermission(2, Window, TimeSpan.FromSeconds(11)));
        Assert.Equal(1, stats.RestartCount);
        Assert.True(stats.RequestRestartPermission(2, Window, TimeSpan.FromSeconds(12)));
        Assert.False(stats.RequestRestartPermission(2, Window, TimeSpan.FromSeconds(13)));
    }
}
