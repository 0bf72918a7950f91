import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

/**
 * antd-mobile 5 renders its imperative pieces (Toast, Dialog.confirm) with ReactDOM.render, which
 * React 19 no longer has: hand it createRoot (the library's documented React 19 hook).
 */
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { __aftercareRoot?: Root };
  host.__aftercareRoot ??= createRoot(container);
  const root = host.__aftercareRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host.__aftercareRoot;
  };
});
