import { clusterNodes, slotOwnerIndex, type ClusterHandle, type ClusterNode } from '../support/redis-cluster';
import { respCommand, respString } from '../support/resp-client';
import { keySlot } from '../../templates/runtime/slots';

/** A key (with `tag` as its hash tag) whose slot is owned by `handle.nodes[nodeIndex]`. */
export async function keyOnNode(handle: ClusterHandle, nodeIndex: number, tag: string): Promise<string> {
  const entries = await clusterNodes(handle.nodes[0]!);
  const id = await respString(handle.nodes[nodeIndex]!.host, handle.nodes[nodeIndex]!.port, ['CLUSTER', 'MYID']);
  const owned = entries.find((e) => e.id === id)?.slots ?? [];
  for (let i = 0; i < 100_000; i++) {
    const key = `{${tag}${i}}`;
    const slot = keySlot(key);
    if (owned.some(([a, b]) => slot >= a && slot <= b)) return key;
  }
  throw new Error(`no key found on node ${nodeIndex}`);
}

/** Index of a node other than the one owning `slot`. */
export async function otherNode(handle: ClusterHandle, slot: number): Promise<{ from: number; to: number }> {
  const from = await slotOwnerIndex(handle, slot);
  return { from, to: (from + 1) % handle.nodes.length };
}

async function myId(node: ClusterNode): Promise<string> {
  return respString(node.host, node.port, ['CLUSTER', 'MYID']);
}

/**
 * Starts moving `slot` from `from` to `to` and moves the keys, but leaves the slot MIGRATING/IMPORTING, so
 * that the old owner answers ASK for the moved keys. Returns a function that finishes the move.
 */
export async function halfMigrate(handle: ClusterHandle, slot: number, from: number, to: number): Promise<() => Promise<void>> {
  const [source, target] = [handle.nodes[from]!, handle.nodes[to]!];
  const [sourceId, targetId] = await Promise.all([myId(source), myId(target)]);
  await respCommand(target.host, target.port, ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', sourceId]);
  await respCommand(source.host, source.port, ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', targetId]);
  const keys = await respCommand(source.host, source.port, ['CLUSTER', 'GETKEYSINSLOT', slot, 1000]);
  if (Array.isArray(keys) && keys.length > 0) {
    await respCommand(source.host, source.port, ['MIGRATE', target.host, target.port, '', 0, 5000, 'KEYS', ...keys.map(String)]);
  }
  return async () => {
    for (const node of handle.nodes) await respCommand(node.host, node.port, ['CLUSTER', 'SETSLOT', slot, 'NODE', targetId]);
  };
}
