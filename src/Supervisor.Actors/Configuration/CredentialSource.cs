using Supervisor.Configuration;

namespace Supervisor.Actors.Configuration;

/// <summary>
/// Reads an account's API key or secret from what the configuration names: a string (typically
/// <c>${?COINW_…_SECRET}</c>), <c>{ env = NAME }</c> or <c>{ file = PATH }</c>. Error messages name the variable or
/// file, never the value.
/// </summary>
public sealed class CredentialSource(Func<string, string?> environment, Func<string, string> readFile)
{
    /// <summary>The process environment and the file system.</summary>
    public static CredentialSource Default { get; } = new(Environment.GetEnvironmentVariable, File.ReadAllText);

    /// <summary>The credential at <paramref name="key"/> of <paramref name="entry"/>; throws <see cref="HoconException"/> naming what is missing.</summary>
    public string Read(HoconConfig entry, string key, string path)
    {
        var value = entry.GetValue(key) ?? throw new HoconException($"{path}.{key} is missing (a string, {{ env = NAME }} or {{ file = PATH }})");
        switch (value)
        {
            case HoconScalar { Kind: HoconScalarKind.String } text when text.Text.Length > 0:
                return text.Text;
            case HoconObject obj when obj["env"] is HoconScalar name:
                var variable = environment(name.Text);
                return string.IsNullOrEmpty(variable)
                    ? throw new HoconException($"{path}.{key}: the environment variable {name.Text} is not set", value.Origin)
                    : variable;
            case HoconObject obj when obj["file"] is HoconScalar file:
                try
                {
                    var content = readFile(file.Text).TrimEnd('\r', '\n');
                    return content.Length > 0 ? content : throw new HoconException($"{path}.{key}: the file {file.Text} is empty", value.Origin);
                }
                catch (IOException e)
                {
                    throw new HoconException($"{path}.{key}: cannot read {file.Text}: {e.Message}", value.Origin);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new HoconException($"{path}.{key}: cannot read {file.Text}: {e.Message}", value.Origin);
                }
            default:
                throw new HoconException($"{path}.{key} must be a non-empty string, {{ env = NAME }} or {{ file = PATH }}", value.Origin);
        }
    }
}
