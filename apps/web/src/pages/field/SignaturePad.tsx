import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface SignaturePadHandle {
  /** The drawing as a PNG data URL, or null when nothing has been drawn. */
  toDataUrl(): string | null;
  clear(): void;
}

/**
 * A canvas the customer signs on with a finger, pen or mouse (pointer events; `touch-action: none`
 * keeps the page from scrolling while drawing). Drawn at the screen's pixel ratio (at most 2).
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { height?: number; onChange?: (empty: boolean) => void }>(
  function SignaturePad({ height = 180, onChange }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    const drawing = useRef(false);
    const inked = useRef(false);
    const last = useRef<{ x: number; y: number } | null>(null);

    // Size the backing store to the element once it is laid out.
    useEffect(() => {
      const c = canvas.current;
      if (!c) return;
      const ratio = Math.min(2, window.devicePixelRatio || 1);
      const rect = c.getBoundingClientRect();
      c.width = Math.round(rect.width * ratio);
      c.height = Math.round(rect.height * ratio);
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
    }, []);

    const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
      const rect = e.currentTarget.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    };

    const clear = () => {
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      ctx.restore();
      inked.current = false;
      onChange?.(true);
    };

    useImperativeHandle(ref, () => ({
      toDataUrl: () => (inked.current && canvas.current ? canvas.current.toDataURL('image/png') : null),
      clear,
    }));

    return (
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        style={{
          width: '100%',
          height,
          display: 'block',
          background: '#fff',
          border: '1px dashed #bbb',
          borderRadius: 8,
          touchAction: 'none',
        }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          last.current = point(e);
          // A tap leaves a dot.
          const ctx = e.currentTarget.getContext('2d');
          if (ctx) {
            ctx.beginPath();
            ctx.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2);
            ctx.fillStyle = '#111';
            ctx.fill();
          }
          if (!inked.current) {
            inked.current = true;
            onChange?.(false);
          }
        }}
        onPointerMove={(e) => {
          if (!drawing.current || !last.current) return;
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          const p = point(e);
          ctx.beginPath();
          ctx.moveTo(last.current.x, last.current.y);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          last.current = p;
        }}
        onPointerUp={() => {
          drawing.current = false;
          last.current = null;
        }}
        onPointerCancel={() => {
          drawing.current = false;
          last.current = null;
        }}
      />
    );
  },
);
