namespace Supervisor.Kernel.Actor;

/// <summary>Builds deciders from exception-type tables.</summary>
public static class Decider
{
    /// <summary>A decider backed by a function.</summary>
    public static IDecider From(Func<Exception, Directive> decide) => new LocalOnlyDecider(decide);

    /// <summary>
    /// A decider that picks the directive of the first pair whose type the exception is assignable to,
    /// or <paramref name="defaultDirective"/> when none matches.
    /// </summary>
    public static IDecider From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var table = (KeyValuePair<Type, Directive>[])pairs.Clone();
        return new LocalOnlyDecider(cause =>
        {
            foreach (var (type, directive) in table)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }
            return defaultDirective;
        });
    }
}
