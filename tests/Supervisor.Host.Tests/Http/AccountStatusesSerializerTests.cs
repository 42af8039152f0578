using System.Runtime.Serialization;
using Akka.Actor;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Host.Http;

namespace Supervisor.Host.Tests.Http;

/// <summary>The status question and answer as they cross between cluster members.</summary>
public sealed class AccountStatusesSerializerTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("statuses-wire");

    public void Dispose() => _system.Dispose();

    [Fact]
    public void The_question_and_an_answer_round_trip()
    {
        var serializer = new AccountStatusesSerializer((ExtendedActorSystem)_system);
        var answer = new AccountStatuses([
            new AccountStatus("cw0001", "coinw", ConnectionStatus.Live, 2, 0, null, DateTimeOffset.Parse("2026-12-02T15:04:05.1234567+00:00", System.Globalization.CultureInfo.InvariantCulture), 812),
            new AccountStatus("cl0002", "coinlocally", ConnectionStatus.AuthFailed, 0, 3, "invalid signature", null, 0),
        ]);

        var back = (AccountStatuses)serializer.FromBinary(serializer.ToBinary(answer), serializer.Manifest(answer));
        var question = serializer.FromBinary(serializer.ToBinary(new GetAccountStatuses()), serializer.Manifest(new GetAccountStatuses()));

        Assert.Equal(answer.Accounts, back.Accounts);
        Assert.IsType<GetAccountStatuses>(question);
    }

    [Theory]
    [InlineData("account-statuses.v1", "[{\"accountId\":null}]")]
    [InlineData("account-statuses.v1", "not json")]
    [InlineData("account-statuses.v9", "[]")]
    public void Bytes_that_do_not_read_are_a_serialization_exception(string manifest, string text)
    {
        var serializer = new AccountStatusesSerializer((ExtendedActorSystem)_system);
        Assert.Throws<SerializationException>(() => serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(text), manifest));
    }
}
