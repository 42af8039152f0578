using System.CommandLine;
using System.CommandLine.Parsing;
using Supervisor.Host.Http;

namespace Supervisor.Host.Commands;

/// <summary><c>--http URL</c> of <c>run</c> and <c>demo</c>, checked at parse time as <c>supervisor.http.url</c> is.</summary>
internal static class HttpOption
{
    public static Option<string?> Create(string description) => new("--http")
    {
        Description = description,
        CustomParser = Parse,
    };

    private static string? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (HttpSettings.CheckUrl(text) is { } problem)
        {
            result.AddError($"--http: {problem.Replace("'supervisor.http.url' must be", "must be", StringComparison.Ordinal)}");
            return null;
        }
        return text;
    }
}
