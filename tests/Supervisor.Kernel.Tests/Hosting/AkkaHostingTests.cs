using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Hosting;

namespace Supervisor.Kernel.Tests.Hosting;

public sealed class AkkaHostingTests
{
    [Fact]
    public async Task The_host_starts_the_system_registers_actors_and_terminates_it_on_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka("hosted", akka => akka
            .WithActorAskTimeout(TimeSpan.FromSeconds(3))
            .WithActors((system, registry) => registry.Register<EchoKey>(system.ActorOf(Props.Create(() => new EchoActor()), "echo"))));
        using var host = builder.Build();
        await host.StartAsync();

        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Equal("hosted", system.Name);
        Assert.Equal(TimeSpan.FromSeconds(3), system.Settings.AskTimeout);
        var echo = await host.Services.GetRequiredService<IRequiredActor<EchoKey>>().GetAsync();
        Assert.Equal("ping", await echo.Ask<string>("ping"));
        Assert.Throws<MissingActorRegistryEntryException>(() => host.Services.GetRequiredService<IActorRegistry>().Get<string>());

        await host.StopAsync();
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Registering_a_second_actor_under_the_same_key_is_an_error_unless_overwriting()
    {
        using var system = ActorSystem.Create("registry");
        var registry = new ActorRegistry();
        var first = system.ActorOf(Props.Create(() => new EchoActor()));
        var second = system.ActorOf(Props.Create(() => new EchoActor()));
        registry.Register<EchoKey>(first);
        Assert.Throws<DuplicateActorRegistryException>(() => registry.Register<EchoKey>(second));
        registry.Register<EchoKey>(second, overwrite: true);
        Assert.Same(second, registry.Get<EchoKey>());
    }

    private sealed class EchoKey;
}
