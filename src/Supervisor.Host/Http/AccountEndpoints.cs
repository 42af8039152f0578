using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Journal;
using Supervisor.Actors.State;

namespace Supervisor.Host.Http;

/// <summary>The JSON API under <c>/api/accounts</c> (docs/api.md).</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts");
        accounts.MapGet("", ListAsync);
        accounts.MapGet("/{venue}/{id}", StateAsync);
        accounts.MapGet("/{venue}/{id}/events", EventsAsync);
        accounts.MapGet("/{venue}/{id}/state", StateAtAsync);
    }

    /// <summary>Every account with its status, node and journal lag (as of its last answer); and how each node answered.</summary>
    private static async Task<IResult> ListAsync(IServiceProvider services, AccountStatusQuery query, AccountDirectory directory, JournalLags lags,
        CancellationToken cancellationToken)
    {
        var report = await query.AskAsync(cancellationToken);
        directory.Remember(report);
        _ = lags.Refresh(await AccountRoot.GetAsync(services, cancellationToken), report.Accounts);
        return Results.Json(new
        {
            accounts = report.Accounts.Select(a => AccountStatusView.Of(a, lags.Of(a.Status))),
            nodes = report.Nodes,
        }, ApiJson.Options);
    }

    /// <summary>The account's current state, as its state actor answers <see cref="GetAccountState"/>.</summary>
    private static async Task<IResult> StateAsync(string venue, string id, IServiceProvider services, AccountDirectory directory, HttpSettings settings,
        CancellationToken cancellationToken)
    {
        if (await UnknownAsync(venue, id, directory, cancellationToken) is { } refused)
        {
            return refused;
        }
        var root = await AccountRoot.GetAsync(services, cancellationToken);
        try
        {
            var state = await root.Ask<AccountState>(new ForAccount(venue, id, new GetAccountState()), settings.AskTimeout, cancellationToken);
            return Results.Json(AccountStateView.Of(state), ApiJson.Options);
        }
        catch (KeyNotFoundException)
        {
            return ApiError.NotFound($"id: no account '{id}' is supervised on venue '{venue}'");
        }
        catch (AskTimeoutException)
        {
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, $"the account's state did not answer within {settings.AskTimeout.TotalSeconds:0.###} s (recovering or writing a backlog); try again");
        }
    }

    /// <summary>A page of the account's journal, with the <c>from</c> of the next page.</summary>
    private static async Task<IResult> EventsAsync(string venue, string id, HttpRequest request, AccountDirectory directory, AccountJournalReader journal,
        CancellationToken cancellationToken)
    {
        var (from, fromError) = ApiInput.Number(request, "from", 1, 1, long.MaxValue);
        var (limit, limitError) = ApiInput.Number(request, "limit", ApiInput.DefaultLimit, 1, ApiInput.MaxLimit);
        if ((ApiInput.CheckAccount(venue, id) ?? fromError ?? limitError) is { } bad)
        {
            return ApiError.BadRequest(bad);
        }
        if (await UnknownAsync(venue, id, directory, cancellationToken) is { } refused)
        {
            return refused;
        }
        // One more than asked: whether another page follows is known without a second query.
        var page = await journal.PageAsync(venue, id, from, (int)limit + 1, cancellationToken);
        var events = page.Take((int)limit).Select(e => new { seq = e.SequenceNr, at = e.Timestamp, type = e.Event.GetType().Name, @event = e.Event }).ToList();
        return Results.Json(new
        {
            venue,
            id,
            from,
            limit,
            events,
            next = events.Count > 0 ? events[^1].seq + 1 : from,
            more = page.Count > limit,
        }, ApiJson.Options);
    }

    /// <summary>The state as it was at a sequence number or a moment, replayed from the journal.</summary>
    private static async Task<IResult> StateAtAsync(string venue, string id, HttpRequest request, AccountDirectory directory, AccountJournalReader journal,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (sequence, moment, atError) = ApiInput.At(request, time.GetUtcNow());
        if ((ApiInput.CheckAccount(venue, id) ?? atError) is { } bad)
        {
            return ApiError.BadRequest(bad);
        }
        if (await UnknownAsync(venue, id, directory, cancellationToken) is { } refused)
        {
            return refused;
        }
        AccountState state;
        if (sequence is { } seq)
        {
            state = await journal.StateAtAsync(venue, id, seq, cancellationToken);
            if (state.SequenceNr < seq)
            {
                return ApiError.BadRequest($"at={seq} is past the account's last event ({state.SequenceNr})");
            }
        }
        else
        {
            state = await journal.StateAtAsync(venue, id, moment!.Value, cancellationToken);
        }
        return Results.Json(new { at = (object?)sequence ?? moment, state = AccountStateView.Of(state) }, ApiJson.Options);
    }

    // Known shape, then supervised: an unknown account never reaches an actor (see AccountDirectory).
    private static async Task<IResult?> UnknownAsync(string venue, string id, AccountDirectory directory, CancellationToken cancellationToken)
    {
        if (ApiInput.CheckAccount(venue, id) is { } bad)
        {
            return ApiError.BadRequest(bad);
        }
        var (account, venueKnown) = await directory.FindAsync(venue, id, cancellationToken);
        return account ? null
            : venueKnown ? ApiError.NotFound($"id: no account '{id}' is supervised on venue '{venue}'")
            : ApiError.NotFound($"venue: no account is supervised on venue '{venue}'");
    }
}
