/**
 * The React binding of the vanilla store: `main.tsx` provides the instance, components select
 * narrowly with `useAppStore` (a primitive, or `useShallow` for small lists).
 */
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { AppState, AppStore } from '../store/app-store'

export const StoreContext = createContext<AppStore | null>(null)

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (store === null) throw new Error('useStoreApi needs a <StoreContext.Provider>')
  return store
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector)
}
