import type { HoldingKind } from '@/lib/holdings/kinds';
import { moveHoldingAction } from './actions';
import { HiddenRef } from './hidden-ref';

/** Reordering is a POST (a server action), never a GET link. */
export function MoveButtons({ kind, holdingId, name, isFirst, isLast }: { kind: HoldingKind; holdingId: string; name: string; isFirst: boolean; isLast: boolean }) {
  return (
    <div className="actions" style={{ gap: '.4rem', flexWrap: 'nowrap', justifyContent: 'flex-end' }}>
      {(['up', 'down'] as const).map((direction) => (
        <form key={direction} action={moveHoldingAction}>
          <HiddenRef kind={kind} holdingId={holdingId} />
          <input type="hidden" name="direction" value={direction} />
          <button type="submit" className="btn btn-small" disabled={direction === 'up' ? isFirst : isLast} aria-label={`Move ${name} ${direction}`}>
            {direction === 'up' ? 'Move up' : 'Move down'}
          </button>
        </form>
      ))}
    </div>
  );
}
