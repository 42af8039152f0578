namespace Supervisor.Configuration.Hocon;

/// <summary>
/// What a document being parsed needs to know about where it came from: its name for messages, the folder its
/// includes are relative to, the path it is included under, and the chain of files including it (to stop loops).
/// </summary>
internal sealed class IncludeContext
{
    private static readonly string[] Extensions = [".properties", ".json", ".conf"];

    private readonly IReadOnlyList<string> _chain;

    private IncludeContext(string sourceName, string directory, IReadOnlyList<string>? rootPath, HoconOptions options, IReadOnlyList<string> chain)
    {
        SourceName = sourceName;
        Directory = directory;
        RootPath = rootPath;
        Options = options;
        _chain = chain;
    }

    public string SourceName { get; }

    public string Directory { get; }

    /// <summary>The absolute path of the object this document's root stands for; null inside an array.</summary>
    public IReadOnlyList<string>? RootPath { get; }

    public HoconOptions Options { get; }

    public static IncludeContext ForText(string sourceName, HoconOptions options) =>
        new(sourceName, options.IncludeRoot ?? System.IO.Directory.GetCurrentDirectory(), [], options, []);

    public static IncludeContext ForFile(string fullPath, HoconOptions options) =>
        new(fullPath, Path.GetDirectoryName(fullPath) ?? "/", [], options, [fullPath]);

    public static string ReadSource(string fullPath, HoconOptions options, ConfigOrigin? includedAt)
    {
        var length = new FileInfo(fullPath).Length;
        if (length > options.MaxSourceBytes)
        {
            var message = $"{fullPath} is {length:N0} bytes; configuration files are limited to {options.MaxSourceBytes:N0} (HoconOptions.MaxSourceBytes)";
            throw includedAt is { } at ? new HoconException(message, at) : new HoconException(message);
        }
        return File.ReadAllText(fullPath);
    }

    /// <summary>Reads what an include names; null when nothing was found and the include is not required.</summary>
    public ObjectExpr? Include(string kind, string name, bool required, IReadOnlyList<string>? path, ConfigOrigin origin)
    {
        if (kind == "url")
        {
            throw new HoconException("url(…) includes are not supported: copy the file and include it with file(…)", origin);
        }
        if (_chain.Count >= Options.MaxIncludeDepth)
        {
            throw new HoconException($"includes nested deeper than {Options.MaxIncludeDepth} levels: {string.Join(" → ", _chain)}", origin);
        }
        var baseDirectory = kind == "classpath" ? Options.ClasspathRoot : Directory;
        var files = baseDirectory is null ? [] : Candidates(Path.GetFullPath(name, baseDirectory));
        if (files.Count == 0 && kind == "" && Options.ClasspathRoot is { } classpath)
        {
            files = Candidates(Path.GetFullPath(name.TrimStart('/'), classpath));
        }
        if (files.Count == 0)
        {
            return required
                ? throw new HoconException($"required include \"{name}\" not found (looked in {baseDirectory ?? "no classpath root"})", origin)
                : null;
        }
        var merged = new ObjectExpr(origin);
        foreach (var file in files)
        {
            if (_chain.Contains(file))
            {
                throw new HoconException($"include loop: {string.Join(" → ", _chain.Append(file))}", origin);
            }
            var context = new IncludeContext(file, Path.GetDirectoryName(file) ?? "/", path, Options, [.. _chain, file]);
            var text = ReadSource(file, Options, origin);
            var document = file.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
                ? PropertiesReader.Parse(text, file)
                : new Parser(text, context).ParseDocument();
            merged.AddAll(path is null ? ResolvedOnItsOwn(document) : document);
        }
        return merged;
    }

    // Inside an array element there is no path to re-root the file's substitutions under (the reason the reference
    // implementation refuses such includes), so the file is resolved on its own: its substitutions see only itself.
    private ObjectExpr ResolvedOnItsOwn(ObjectExpr document)
    {
        var resolved = new Resolver([document], Options.Environment).ResolveRoot(document.Origin);
        var obj = new ObjectExpr(document.Origin);
        foreach (var (key, value) in resolved.Fields)
        {
            obj.Add(key, new ResolvedExpr(value));
        }
        return obj;
    }

    private static List<string> Candidates(string fullPath)
    {
        if (Extensions.Any(e => fullPath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return File.Exists(fullPath) ? [fullPath] : [];
        }
        return Extensions.Select(e => fullPath + e).Where(File.Exists).ToList();
    }
}
