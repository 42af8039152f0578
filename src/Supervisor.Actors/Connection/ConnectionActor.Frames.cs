using Supervisor.Actors.Protocol;
using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Connection;

public sealed partial class ConnectionActor
{
    private void FrameHandlers(Action<ProtocolFrame> onFrame)
    {
        Receive<FrameReceived>(received =>
        {
            if (received.Generation != _pipe?.Generation)
            {
                return;
            }
            _frames++;
            _heartbeat?.Tell(new StreamActivity(), Self);
            onFrame(_protocol.Decode(received.Payload, received.IsBinary));
        });
        Receive<FrameTooLarge>(tooLarge =>
        {
            _oversized++;
            CountBadFrame($"{tooLarge.Bytes} bytes, limit {tooLarge.Limit}");
        });
    }

    /// <summary>Frames that mean the same in every state after the socket opened.</summary>
    private void HandleAnyTime(ProtocolFrame frame)
    {
        switch (frame)
        {
            case ProtocolFrame.Events events:
                _events += events.Items.Count;
                _state.Tell(new VenueEventsReceived(events.Items) { ReceivedAt = Context.System.Scheduler.Now }, Self);
                break;
            case ProtocolFrame.LoginRejected rejected:
                RejectCredentials(rejected.Reason);
                break;
            case ProtocolFrame.VenueClosing closing:
                throw new ConnectionLostException($"{_protocol.Venue} closed the stream: {closing.Reason}");
            case ProtocolFrame.Malformed malformed:
                _malformed++;
                CountBadFrame(malformed.Error);
                break;
        }
    }

    private void CommonHandlers()
    {
        Receive<SocketClosed>(closed =>
        {
            if (closed.Generation == _pipe?.Generation)
            {
                throw new ConnectionLostException($"{_protocol.Venue} socket ended: {closed.Reason}", closed.Error);
            }
        });
        Receive<SendFailed>(failed => throw new ConnectionLostException($"Sending to {_protocol.Venue} failed: {failed.Cause.Message}", failed.Cause));
        Receive<GetConnectionStats>(_ => Sender.Tell(new ConnectionStats(_frames, _events, _malformed, _oversized), Self));
        Receive<SendCompleted>(_ => { });
        // Before streaming there are no subscriptions yet; when they start they read the protocol's current channels.
        Receive<AddSubscriptions>(_ => { });
    }

    /// <summary>Drops a bad frame; a burst of them (more than the limit within the window) fails the connection.</summary>
    private void CountBadFrame(string what)
    {
        LogBadFrame(what);
        var now = Context.System.Scheduler.MonotonicClock;
        _badFrames.Enqueue(now);
        while (_badFrames.Count > 0 && now - _badFrames.Peek() > _settings.BadFrameWindow)
        {
            _badFrames.Dequeue();
        }
        if (_badFrames.Count > _settings.MaxBadFrames)
        {
            throw new CorruptStreamException($"{_badFrames.Count} bad frames from {_protocol.Venue} within {_settings.BadFrameWindow}; last: {what}");
        }
    }
}
