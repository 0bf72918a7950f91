import { SpinLoading } from 'antd-mobile';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { homePath } from '../../access.ts';
import { useMe } from '../../api/auth.ts';
import JobPage from './JobPage.tsx';
import TodayPage from './TodayPage.tsx';

/** The technician's phone pages under /m: a session with `orders.visit`, no console frame. */
export default function FieldRoutes() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '30vh' }}>
        <SpinLoading color="primary" />
      </div>
    );
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!me.capabilities.includes('orders.visit')) return <Navigate to={homePath(me)} replace />;
  return (
    <Routes>
      <Route index element={<TodayPage />} />
      <Route path="jobs/:id" element={<JobPage />} />
      <Route path="*" element={<Navigate to="/m" replace />} />
    </Routes>
  );
}
