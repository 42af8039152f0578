using System.Text;

namespace Supervisor.Kernel.Actor;

/// <summary>The position of an actor in the tree, such as <c>kernel://demo/user/supervisor/account-coinw-1</c>.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    private ActorPath(string systemName, ActorPath? parent, string name)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The name of the actor system the path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The parent path, or null at the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element.</summary>
    public string Name { get; }

    /// <summary>Number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The elements below the root, top down.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                elements[p.Depth - 1] = p.Name;
            }
            return elements;
        }
    }

    /// <summary>The root path of a system.</summary>
    public static ActorPath CreateRoot(string systemName) => new(systemName, null, "");

    /// <summary>A child path.</summary>
    public ActorPath Child(string name) => new(SystemName, this, name);

    /// <summary>A child path.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        return other is not null && other.Depth == Depth && other.ToString() == ToString();
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }
        var builder = new StringBuilder("kernel://").Append(SystemName);
        foreach (var element in Elements)
        {
            builder.Append('/').Append(element);
        }
        if (Depth == 0)
        {
            builder.Append('/');
        }
        return _text = builder.ToString();
    }
}
