namespace Supervisor.Kernel.Actor;

/// <summary>Table helpers for <see cref="Decider.From(Directive, KeyValuePair{Type, Directive}[])"/>.</summary>
public static class DirectiveExtensions
{
    /// <summary>Pairs this directive with an exception type: <c>Directive.Stop.When&lt;IOException&gt;()</c>.</summary>
    public static KeyValuePair<Type, Directive> When<TException>(this Directive directive)
        where TException : Exception => new(typeof(TException), directive);
}
