namespace Supervisor.Configuration;

/// <summary>The kinds of scalar HOCON has.</summary>
public enum HoconScalarKind
{
    /// <summary>A quoted, unquoted or concatenated string.</summary>
    String,

    /// <summary>A number; <see cref="HoconScalar.Text"/> keeps how it was written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
