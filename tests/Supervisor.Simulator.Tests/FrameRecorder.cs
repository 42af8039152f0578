using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// Steps the activity and keeps each step's frames beside the truth before and after it. One step changes an order,
/// a position or the balance at most once, so the truth after the step is the state every frame of the step shows.
/// </summary>
internal static class FrameRecorder
{
    /// <summary>
    /// <paramref name="steps"/> steps, the clock moved <paramref name="perStep"/> before each so timestamps differ
    /// (keep the total under a second on ChainUP, or ADL_PRICE frames would come between the step frames).
    /// </summary>
    public static async Task<List<StepFrames>> RunAsync(SimulatorHost host, SimAccount account, TestSocket socket, FakeTimeProvider clock, int steps, TimeSpan perStep)
    {
        var run = new List<StepFrames>(steps);
        for (var i = 0; i < steps; i++)
        {
            clock.Advance(perStep);
            var before = host.Truth(account.Id);
            var count = Venues.StepAndCountFrames(host, account);
            var after = host.Truth(account.Id);
            var frames = new List<System.Text.Json.JsonElement>(count);
            for (; count > 0; count--)
            {
                frames.Add(RawJson.Parse(await socket.ReceiveAsync()));
            }
            run.Add(new StepFrames(before, after, frames));
        }
        return run;
    }
}
