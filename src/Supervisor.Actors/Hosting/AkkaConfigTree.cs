using Supervisor.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// Hands Akka the <c>akka</c> section of the operator's file, already resolved by the project's HOCON reader
/// (includes, substitutions, environment variables, reference.conf below it), so exactly one parser reads what the
/// operator wrote and its errors carry the file's line and column. Akka gets the tree as JSON, which has no
/// substitutions left to resolve.
/// </summary>
public static class AkkaConfigTree
{
    /// <summary>The <c>akka</c> tree of <paramref name="merged"/> as Akka configuration (empty if there is none).</summary>
    public static AkkaConfig From(HoconConfig merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        if (!merged.HasPath("akka"))
        {
            return AkkaConfig.Empty;
        }
        var akka = HoconRenderer.Render(merged.GetConfig("akka").Root, new HoconRenderOptions(Json: true, MaskSecrets: false));
        return AkkaConfigurationFactory.ParseString("{\"akka\":" + akka + "}");
    }
}
