import type { WorkOrder } from '@aftercare/contracts';
import { Toast } from 'antd-mobile';
import { useStep } from '../../api/work-orders.ts';

/** A step on the order with phone feedback: a toast on success, the server's message on failure. */
export function useMobileStep(order: WorkOrder | undefined) {
  const step = useStep();
  const run = <R = unknown>(path: string, body: unknown, done?: string, then?: (res: R) => void) => {
    if (!order) return;
    step.mutate(
      { order, path, body },
      {
        onSuccess: (res) => {
          if (done) Toast.show({ icon: 'success', content: done });
          then?.(res as R);
        },
        onError: (err) => Toast.show({ icon: 'fail', content: err.message, duration: 3000 }),
      },
    );
  };
  return { run, pending: step.isPending, pendingPath: step.isPending ? step.variables?.path : undefined };
}
