import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/auth.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** For a role with no console pages (a customer): who they are and nothing more. */
export function WelcomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return <Result status="info" title={t('auth.welcome', { name: me?.displayName ?? '' })} />;
}
