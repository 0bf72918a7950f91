import type { demoLogins, loginRequest, me } from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, request } from './client.ts';

export type Me = z.infer<typeof me>;
export type LoginRequest = z.infer<typeof loginRequest>;
export type DemoLogins = z.infer<typeof demoLogins>;

export const authKeys = {
  me: ['auth', 'me'] as const,
  demoLogins: ['auth', 'demo-logins'] as const,
};

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await request<Me>('/auth/me', { silent: true, signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useDemoLogins() {
  return useQuery({
    queryKey: authKeys.demoLogins,
    queryFn: ({ signal }) => request<DemoLogins>('/auth/demo-logins', { silent: true, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => request<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      // A new identity: drop everything cached for the previous one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ ok: true }>('/auth/logout', { method: 'POST', silent: true }),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(authKeys.me, null);
    },
  });
}
