using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Configuration;
using Supervisor.Kernel.Persistence;
using KernelPersistence = Supervisor.Kernel.Persistence.Persistence;

namespace Supervisor.Kernel.Tests.Configuration;

/// <summary>An actor system created from HOCON takes the kernel section and falls back to reference.conf.</summary>
public sealed class ActorSystemConfigTests
{
    [Fact]
    public async Task An_actor_system_reads_its_settings_from_hocon_with_reference_defaults_below()
    {
        var config = ConfigurationFactory.ParseString("""
            kernel.actor.throughput = 7
            kernel.persistence.max-concurrent-recoveries = 3
            """, Corpus.NoEnvironment);

        using var system = ActorSystem.Create("configured", config);

        Assert.Equal(7, system.Settings.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(5), system.Settings.AskTimeout);
        Assert.Equal(10, system.Settings.LogDeadLetters);
        Assert.Equal(3, KernelPersistence.For(system).Settings.MaxConcurrentRecoveries);
        Assert.Equal(TimeSpan.FromSeconds(30), KernelPersistence.For(system).Settings.RecoveryEventTimeout);
        Assert.Equal(7, system.Settings.Config.GetInt("kernel.actor.throughput"));
        await system.Terminate();
    }

    [Fact]
    public void Infinite_ask_timeout_means_no_timeout()
    {
        var setup = ActorSystemSetup.FromConfig(ConfigurationFactory.ParseString("kernel.actor.ask-timeout = infinite", Corpus.NoEnvironment));

        Assert.Null(setup.AskTimeout);
    }

    [Fact]
    public void A_setting_of_the_wrong_type_names_its_path_and_position()
    {
        var config = ConfigurationFactory.ParseString("kernel.actor.throughput = lots", Corpus.NoEnvironment, "app.conf");

        var error = Assert.Throws<HoconException>(() => ActorSystem.Create("bad", config));

        Assert.Equal("app.conf:1:27: 'kernel.actor.throughput' should be a whole number, but it is the string \"lots\"", error.Message);
    }

    [Fact]
    public void Reference_defaults_match_the_typed_defaults_of_the_kernel()
    {
        var fromReference = ActorSystemSetup.FromConfig(ConfigurationFactory.Empty);

        Assert.Equal(ActorSystemSetup.Default.Throughput, fromReference.Throughput);
        Assert.Equal(ActorSystemSetup.Default.AskTimeout, fromReference.AskTimeout);
        Assert.Equal(ActorSystemSetup.Default.LogDeadLetters, fromReference.LogDeadLetters);
        Assert.Equal(PersistenceSettings.Default, PersistenceSettings.FromConfig(ConfigurationFactory.Empty));
    }
}
