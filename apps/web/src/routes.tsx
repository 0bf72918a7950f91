import { Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { canOpen, homePath, PAGES, type PageKey, RECORD_ROUTES } from './access.ts';
import { useMe } from './api/auth.ts';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { NotFoundPage, WelcomePage } from './layout/placeholders.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';

const PAGE_COMPONENTS: Record<PageKey, ComponentType> = {
  customers: lazy(() => import('./pages/customers/CustomersPage.tsx')),
  models: lazy(() => import('./pages/catalog/ModelsPage.tsx')),
  parts: lazy(() => import('./pages/catalog/PartsPage.tsx')),
  outlets: lazy(() => import('./pages/outlets/OutletsPage.tsx')),
  technicians: lazy(() => import('./pages/technicians/TechniciansPage.tsx')),
  brands: lazy(() => import('./pages/brands/BrandsPage.tsx')),
  regions: lazy(() => import('./pages/regions/RegionsPage.tsx')),
  serviceCenters: lazy(() => import('./pages/service-centers/ServiceCentersPage.tsx')),
  users: lazy(() => import('./pages/users/UsersPage.tsx')),
  divisions: lazy(() => import('./pages/divisions/DivisionsPage.tsx')),
  imports: lazy(() => import('./pages/imports/ImportsPage.tsx')),
  audit: lazy(() => import('./pages/audit/AuditPage.tsx')),
  apiKeys: lazy(() => import('./pages/api-keys/ApiKeysPage.tsx')),
  policies: lazy(() => import('./pages/policies/PoliciesPage.tsx')),
  calendar: lazy(() => import('./pages/calendar/CalendarPage.tsx')),
  desk: lazy(() => import('./pages/orders/DeskPage.tsx')),
  orders: lazy(() => import('./pages/orders/OrdersPage.tsx')),
  dispatch: lazy(() => import('./pages/orders/DispatchPage.tsx')),
  slaBoard: lazy(() => import('./pages/sla-board/SlaBoardPage.tsx')),
  returnVisits: lazy(() => import('./pages/orders/ReturnVisitsPage.tsx')),
  slaReports: lazy(() => import('./pages/sla-reports/SlaReportsPage.tsx')),
  outletOffers: lazy(() => import('./pages/outlet/OffersPage.tsx')),
  outletOrders: lazy(() => import('./pages/outlet/OutletOrdersPage.tsx')),
  outletDayPlan: lazy(() => import('./pages/outlet/DayPlanPage.tsx')),
  assessmentSlips: lazy(() => import('./pages/assessments/AssessmentsPage.tsx')),
  remedies: lazy(() => import('./pages/assessments/RemediesPage.tsx')),
  outletSlips: lazy(() => import('./pages/assessments/OutletSlipsPage.tsx')),
};

// Phone pages outside the console frame: the technician's jobs (session) and the customer's H5 (public).
const FieldRoutes = lazy(() => import('./pages/field/FieldRoutes.tsx'));
const H5OrderPage = lazy(() => import('./pages/h5/H5OrderPage.tsx'));

const RECORD_COMPONENTS: Record<(typeof RECORD_ROUTES)[number]['path'], ComponentType> = {
  '/customers/:id': lazy(() => import('./pages/customers/CustomerPage.tsx')),
  '/products/:id': lazy(() => import('./pages/products/ProductPage.tsx')),
  '/orders/:id': lazy(() => import('./pages/orders/OrderPage.tsx')),
};

const fullPage = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

/** The console behind the login: no session → /login (remembering where the user was going). */
function RequireSession() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return fullPage;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <ConsoleLayout />;
}

export function AppRoutes() {
  const { data: me } = useMe();
  const home = homePath(me);
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/m/*"
        element={
          <Suspense fallback={fullPage}>
            <FieldRoutes />
          </Suspense>
        }
      />
      <Route
        path="/h5/orders/:token"
        element={
          <Suspense fallback={fullPage}>
            <H5OrderPage />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route index element={<Navigate to={home} replace />} />
        {[
          ...PAGES.map((page) => ({ page, path: page.path, Page: PAGE_COMPONENTS[page.key] })),
          ...RECORD_ROUTES.map((r) => ({
            page: PAGES.find((p) => p.key === r.page)!,
            path: r.path,
            Page: RECORD_COMPONENTS[r.path],
          })),
        ].map(({ page, path, Page }) => {
          return (
            <Route
              key={path}
              path={path}
              // A page the user may not open is not on the menu and sends them home.
              element={
                canOpen(me, page) ? (
                  <Suspense fallback={fullPage}>
                    <Page />
                  </Suspense>
                ) : (
                  <Navigate to={home} replace />
                )
              }
            />
          );
        })}
        <Route path="/welcome" element={<WelcomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
