namespace Supervisor.Kernel.Actor;

/// <summary>The stash of one incarnation, kept in arrival order.</summary>
internal sealed class UnboundedStash : IStash
{
    private readonly ActorCell _cell;
    private readonly List<Envelope> _stashed = [];
    private long _lastStashedSequence = -1;

    public UnboundedStash(ActorCell cell)
    {
        _cell = cell;
    }

    public void Stash()
    {
        if (_cell.MessageSequence == _lastStashedSequence)
        {
            throw new IllegalActorStateException($"Cannot stash the same message twice: {_cell.CurrentEnvelope.Message}");
        }
        _lastStashedSequence = _cell.MessageSequence;
        _stashed.Add(_cell.CurrentEnvelope);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        _cell.Mailbox.PrependAll([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = new List<Envelope>(_stashed.Count);
        foreach (var envelope in _stashed)
        {
            if (predicate(envelope))
            {
                selected.Add(envelope);
            }
        }
        _stashed.Clear();
        _cell.Mailbox.PrependAll(selected);
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    public void Prepend(IEnumerable<Envelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        _stashed.InsertRange(0, envelopes);
    }
}
