import { describe, expect, it } from 'vitest';
import { moveInOrder, nextPosition, positionChanges } from '@/lib/holdings/order';

describe('moveInOrder', () => {
  const ids = ['a', 'b', 'c'];

  it('swaps with the neighbour', () => {
    expect(moveInOrder(ids, 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(ids, 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('does nothing at the ends or for an unknown id', () => {
    expect(moveInOrder(ids, 'a', 'up')).toBeNull();
    expect(moveInOrder(ids, 'c', 'down')).toBeNull();
    expect(moveInOrder(ids, 'z', 'up')).toBeNull();
    expect(moveInOrder([], 'a', 'down')).toBeNull();
  });
});

describe('positionChanges', () => {
  it('writes only the rows whose position changes', () => {
    const current = [
      { id: 'a', position: 0 },
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ];
    expect(positionChanges(current, ['b', 'a', 'c'])).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
    ]);
  });

  it('heals duplicate and sparse positions into 0..n-1', () => {
    const current = [
      { id: 'a', position: 0 },
      { id: 'b', position: 0 },
      { id: 'c', position: 7 },
    ];
    expect(positionChanges(current, ['a', 'c', 'b'])).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });
});

describe('nextPosition', () => {
  it('puts a new holding last', () => {
    expect(nextPosition(null)).toBe(0);
    expect(nextPosition(undefined)).toBe(0);
    expect(nextPosition(0)).toBe(1);
    expect(nextPosition(4)).toBe(5);
  });
});
