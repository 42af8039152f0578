using Supervisor.Actors.Protocol;
using Akka.Actor;
using Akka.Event;
using Supervisor.Venues.Decoding;

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
            _metrics.FrameReceived();
            _frameReceivedAt = received.ReceivedTimestamp;
            _heartbeat?.Tell(new StreamActivity(), Self);
            onFrame(_protocol.Decode(received.Payload, received.IsBinary));
        });
        Receive<FrameTooLarge>(tooLarge =>
        {
            _oversized++;
            _metrics.DecodeFailed(DecodeErrorKind.TooLarge);
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
                _metrics.EventsDecoded(events.Items.Count);
                _state.Tell(new VenueEventsReceived(events.Items) { ReceivedAt = Context.System.Scheduler.Now, ReceivedTimestamp = _frameReceivedAt }, Self);
                break;
            case ProtocolFrame.LoginRejected rejected:
                RejectCredentials(rejected.Reason);
                break;
            case ProtocolFrame.VenueClosing closing:
                throw new ConnectionLostException($"{_protocol.Venue} closed the stream: {closing.Reason}", loss: ConnectionLoss.VenueClosed);
            case ProtocolFrame.Malformed malformed:
                _malformed++;
                _metrics.DecodeFailed(malformed.Kind);
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
        Receive<SendFailed>(failed => throw new ConnectionLostException($"Sending to {_protocol.Venue} failed: {failed.Cause.Message}", failed.Cause, ConnectionLoss.SendFailed));
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
