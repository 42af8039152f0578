using System.Text.Json;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>One activity step: the account's truth before and after it, and the frames its private socket got for it.</summary>
internal sealed record StepFrames(AccountTruth Before, AccountTruth After, IReadOnlyList<JsonElement> Frames);
