/**
 * @param {Drainable} core
 */
export function installShutdownDrain(core: Drainable): void;
export type Drainable = {
    drain: (timeoutMs?: number) => Promise<boolean>;
    cfg: {
        drainTimeoutMs: number;
    };
};
