namespace Supervisor.Configuration;

/// <summary>How <see cref="HoconRenderer"/> writes a tree.</summary>
/// <param name="Json">JSON instead of HOCON.</param>
/// <param name="MaskSecrets">Replace the values of secret-looking keys (<see cref="HoconRenderer.IsSecretKey"/>) with <c>***</c>.</param>
public sealed record HoconRenderOptions(bool Json, bool MaskSecrets)
{
    /// <summary>HOCON, nothing masked.</summary>
    public static HoconRenderOptions Hocon { get; } = new(Json: false, MaskSecrets: false);
}
