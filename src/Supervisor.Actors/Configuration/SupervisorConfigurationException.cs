namespace Supervisor.Actors.Configuration;

/// <summary>Everything wrong with a configuration at once, each problem naming its file position and setting path.</summary>
public sealed class SupervisorConfigurationException(IReadOnlyList<string> problems)
    : Exception("The configuration has " + problems.Count + " problem(s):\n  " + string.Join("\n  ", problems))
{
    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
